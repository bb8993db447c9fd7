# One image for every Vigil app; docker-compose picks the process with `command`.
FROM node:20-bookworm-slim
WORKDIR /vigil
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npx vite build --config dashboards/vite.config.ts || true
ENV NODE_ENV=production
