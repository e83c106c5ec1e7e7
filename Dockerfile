# Dialogue Tracker as a container: `docker build -t dialogue-tracker .`
# then `docker run -p 8501:8501 dialogue-tracker`. The data ships inside the image.
# tests/test_hosting.py performs these steps on a clean clone, so keep each RUN a plain shell line.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 1000 app
WORKDIR /app

# Dependencies first, pinned and hashed by uv.lock, so a data or code change does not reinstall them.
COPY pyproject.toml uv.lock ./
RUN pip install uv && uv export --frozen --no-emit-project --output-file requirements.txt && pip install --require-hashes --requirement requirements.txt && pip uninstall --yes uv

# The package itself, not editable: the image runs what was built.
COPY README.md ./
COPY dialogue_tracker ./dialogue_tracker
RUN pip install --no-deps .

COPY --chown=app:app . .
USER app

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"

CMD ["streamlit", "run", "dashboard.py", "--server.port=8501", "--server.address=0.0.0.0"]
