"""Pages of 50 (``?page=2``; ``?page_size=`` up to 200), for every list of the API."""

from rest_framework import pagination


class Pagination(pagination.PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
