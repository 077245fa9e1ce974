"""Every API call made with a service token is recorded with its answer's status."""

from __future__ import annotations

from django.utils import timezone

from kinerja.token_api.models import PanggilanToken, TokenLayanan


class CatatPanggilanTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        t = getattr(request, "token_layanan", None)
        if t is not None:
            PanggilanToken.objects.create(
                token=t,
                metode=request.method[:10],
                jalur=request.get_full_path()[:500],
                status=response.status_code,
                alamat_ip=request.META.get("REMOTE_ADDR") or None,
            )
            TokenLayanan.objects.filter(pk=t.pk).update(terakhir_dipakai=timezone.now())
        return response
