# Metelkaar's container image: one image for the web processes, the workers and the
# daily job (compose.yaml runs them). Not built on the project's own machines, which
# have no container engine; tests/fleet/ runs the same topology as plain processes.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint (PDF reports) needs Pango and a font; nothing else comes from Debian.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md LICENSE NOTICE ./
COPY metelkaar ./metelkaar
RUN pip install . \
    && python -c "import metelkaar.matching._sap, metelkaar.matching._edmonds"

# Static files are collected at build, hashed and compressed, served by whitenoise.
ENV METELKAAR_DATA_DIR=/data \
    STATIC_ROOT=/app/static \
    STATIC_MANIFEST=true \
    WHITENOISE_USE_FINDERS=false \
    LOG_FORMAT=json \
    DATABASE_CONN_MAX_AGE=60
RUN SECRET_KEY=collectstatic-only python -m metelkaar collectstatic --noinput

RUN useradd --create-home --uid 10001 metelkaar \
    && mkdir /data && chown metelkaar /data
USER metelkaar
VOLUME ["/data"]
EXPOSE 8000

# 2 workers with 4 threads each served the load run best on 2 cores (docs/operations.md).
CMD ["gunicorn", "--no-control-socket", "--workers", "2", "--threads", "4", \
     "--bind", "0.0.0.0:8000", "--access-logfile", "-", "metelkaar.wsgi"]
