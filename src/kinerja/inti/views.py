from django.db import connection
from django.http import JsonResponse


def sehat(request):
    """Health check for load balancers: answers only when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "sehat", "basis_data": connection.vendor})
