"""No models: the app only installs database triggers (see `pemicu`). The module exists so
Django sends this app the post_migrate signal."""
