# Sleutel production image: long polling by default, or `sleutel run --webhook`.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SLEUTEL_DATA_DIR=/data \
    SLEUTEL_LISTEN=0.0.0.0:8080

RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin sleutel \
    && mkdir -p /data && chown sleutel /data

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY flows ./flows
COPY storage ./storage
COPY locales ./locales
RUN pip install --no-cache-dir .

USER sleutel
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status == 200 else 1)"

CMD ["sleutel", "run"]
