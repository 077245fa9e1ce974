def main():
    print("kinerja")
