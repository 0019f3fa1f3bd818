# casereport as a container image: Node.js 20 on Debian 12 (bookworm), Debian's headless Chromium
# and the fonts a report needs, run as a non-root user.
#
#   docker build -t casereport:0.1 .
#   docker run --rm casereport:0.1 doctor
#   docker run --rm -v "$PWD:/data" --user "$(id -u):$(id -g)" casereport:0.1 \
#     render cases --format pdf --out-dir reports
#
# No container engine runs on the project's machines: scripts/check-rootfs installs the same
# packages (scripts/container-packages.txt) and the same build in a debootstrapped Debian root
# file system and prints a report there. Keep the two in step.

# ---- build: all dependencies, compile, then drop the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /opt/casereport
# casereport uses the system's Chromium; Puppeteer must never fetch a browser of its own.
ENV PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json package-lock.json ./
# --ignore-scripts: skips this package's `prepare` (the build, which needs the sources copied next)
# so that this layer is reused until the lock file changes; no dependency has an install script.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM node:20-bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
COPY scripts/container-packages.txt /tmp/
RUN apt-get update \
 && sed 's/#.*//' /tmp/container-packages.txt | xargs apt-get install -y --no-install-recommends \
 && rm -rf /var/lib/apt/lists/* /tmp/container-packages.txt
# What the package ships (package.json's "files") and its production dependencies.
COPY --from=build /opt/casereport/package.json /opt/casereport/LICENSE /opt/casereport/
COPY --from=build /opt/casereport/node_modules /opt/casereport/node_modules
COPY --from=build /opt/casereport/bin /opt/casereport/bin
COPY --from=build /opt/casereport/dist /opt/casereport/dist
COPY --from=build /opt/casereport/templates /opt/casereport/templates
COPY --from=build /opt/casereport/examples /opt/casereport/examples
# /data: where a Job mounts its cases and an output folder (the working directory).
RUN ln -s /opt/casereport/bin/casereport.js /usr/local/bin/casereport \
 && mkdir /data && chown node:node /data
ENV NODE_ENV=production
# The base image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
WORKDIR /data
# Chromium's sandbox: casereport turns it off when it sees a container (/.dockerenv, as Docker
# makes, or a container runtime named in /proc/1/cgroup). Under Kubernetes with cgroup v2 it may
# see neither; where Chromium then cannot start its sandbox, set CASEREPORT_NO_SANDBOX=1 (see the
# README, "Containers and Kubernetes").
#
# No HEALTHCHECK: this is a command that runs and exits, not a service, and `casereport doctor`
# starts a browser and prints a PDF; run it once instead (`docker run --rm IMAGE doctor`).
ENTRYPOINT ["tini", "--", "casereport"]
CMD ["--help"]
