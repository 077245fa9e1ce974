from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from kinerja.organisasi.izin import penugasan_aktif


def sehat(request):
    """Health check for load balancers: answers only when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "sehat", "basis_data": connection.vendor})


@login_required
def beranda(request):
    """Start page: the units where the user holds a role."""
    return render(request, "inti/beranda.html", {"penugasan": penugasan_aktif(request.user)})
