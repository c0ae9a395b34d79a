# The policykg API; docker-compose.yml runs it against Neo4j.
# Stage 1 builds the wheel from the sources below (tests/test_packaging.py builds the
# same wheel from exactly these COPY lines, so the context cannot drift); stage 2
# installs it, corpus included as package data.
FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
COPY core ./core
COPY ontology ./ontology
COPY queries ./queries
COPY loaders ./loaders
COPY api ./api
COPY cli ./cli
COPY corpus ./corpus
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /dist .

FROM python:3.11-slim
COPY --from=wheel /dist /dist
RUN pip install --no-cache-dir /dist/*.whl && rm -rf /dist && useradd --create-home policykg
USER policykg
EXPOSE 8000
# Load the bundled corpus if the graph is empty, then serve.
CMD ["policykg", "up", "--host", "0.0.0.0", "--port", "8000"]
