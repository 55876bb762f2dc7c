# Which Tool: one HTTP server for Slack (POST /slack/events) and Teams (POST /api/messages).
# Build:  docker build -t which-tool .
# Run:    docker run -p 3978:3978 -v which-tool-data:/var/lib/which-tool --env-file which-tool.env which-tool
# Secrets come from the environment at run time only; nothing secret is built into the image.
# test/ship/bare-build.test.ts runs these same steps without Docker.

ARG NODE_IMAGE=node:20-slim

# 1. Compile TypeScript. The compiler needs the dev dependencies, not the native SQLite
#    module, so install scripts are skipped here.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bin-executable.mjs ./scripts/
COPY src ./src
COPY data ./data
RUN npm run build

# 2. Production dependencies only. better-sqlite3 is native: when no prebuilt binary fits,
#    it compiles, which needs python3, make and g++ — kept out of the runtime image.
FROM ${NODE_IMAGE} AS prod-deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: the compiled output, the catalog and production dependencies; no toolchain.
#    The heap caps keep the process near 145 MB under load (live heap ~50 MB; V8 would
#    otherwise grow lazily to ~280 MB), and two malloc arenas instead of one per thread keep
#    native memory from fragmenting (peak 141 MB instead of 148-150 MB); `npm run bench` runs
#    the server with both.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=96 --max-semi-space-size=2" \
    MALLOC_ARENA_MAX=2 \
    PORT=3978 \
    WHICH_TOOL_DB=/var/lib/which-tool/which-tool.db
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY data ./data
# The SQLite file (subscriptions, conversation references, request log, feedback) lives on
# a volume, owned by the unprivileged user the server runs as.
RUN mkdir -p /var/lib/which-tool && chown node:node /var/lib/which-tool
VOLUME ["/var/lib/which-tool"]
USER node
EXPOSE 3978
# node:20-slim has no curl: the probe is a one-line fetch with Node itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself for the graceful shutdown.
CMD ["node", "dist/src/server/main.js"]
