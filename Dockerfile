# syntax=docker/dockerfile:1
# Multi-stage build of TrialDesk. The runtime image runs the standalone Next
# server; on start it applies pending migrations, then serves on port 3000.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# Install scripts stay off: the embedded PostgreSQL is not used in containers.
RUN npm ci --ignore-scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
RUN node scripts/prisma-generate.mjs

FROM deps AS build
COPY . .
ENV NODE_ENV=production TRIALDESK_STANDALONE=1
RUN node node_modules/next/dist/bin/next build

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system trialdesk && useradd --system --gid trialdesk trialdesk
COPY --from=build --chown=trialdesk:trialdesk /app/.next/standalone ./
COPY --from=build --chown=trialdesk:trialdesk /app/.next/static ./.next/static
COPY --from=build --chown=trialdesk:trialdesk /app/public ./public
# Migrations and the `users` CLI run from source with the full dependency tree.
COPY --from=deps --chown=trialdesk:trialdesk /app/node_modules ./node_modules
COPY --from=build --chown=trialdesk:trialdesk /app/scripts ./scripts
COPY --from=build --chown=trialdesk:trialdesk /app/prisma ./prisma
COPY --from=build --chown=trialdesk:trialdesk /app/lib ./lib
COPY --from=build --chown=trialdesk:trialdesk /app/tsconfig.json /app/package.json ./
USER trialdesk
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "scripts/docker-entrypoint.mjs"]
