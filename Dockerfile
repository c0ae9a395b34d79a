# The policykg API; docker-compose.yml runs it against Neo4j.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY policykg ./policykg
COPY ontology ./ontology
COPY loaders ./loaders
COPY queries ./queries
COPY api ./api
COPY corpus ./corpus
RUN pip install --no-cache-dir . && useradd --create-home policykg
USER policykg
ENV POLICYKG_CORPUS_DIR=/app/corpus
EXPOSE 8000
# Load the bundled corpus if the graph is empty, then serve.
CMD ["policykg", "up", "--host", "0.0.0.0", "--port", "8000"]
