# Dialogue Tracker as a container: `docker build -t dialogue-tracker .`
# then `docker run -p 8501:8501 dialogue-tracker`. The data ships inside the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 1000 app
WORKDIR /app

# Dependencies first, so that a data or code change does not reinstall them.
COPY pyproject.toml README.md ./
COPY dialogue_tracker ./dialogue_tracker
RUN pip install .

COPY --chown=app:app . .
USER app

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"

CMD ["streamlit", "run", "dashboard.py", "--server.port=8501", "--server.address=0.0.0.0"]
