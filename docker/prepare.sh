#!/bin/sh
# Prepares the compose setup once: an SSH host key for the SFTP server, the known_hosts line the gateway trusts, and
# random passwords and the client-key secret in docker/.env. Nothing of this is committed; no default password ships.
set -eu
cd "$(dirname "$0")"
mkdir -p sftp
[ -f sftp/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N '' -f sftp/ssh_host_ed25519_key
printf 'sftp %s\n' "$(cut -d' ' -f1,2 sftp/ssh_host_ed25519_key.pub)" > sftp/known_hosts
if [ ! -f .env ]; then
    secret() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
    printf 'ARTEMIS_PASSWORD=%s\nSFTP_PASSWORD=%s\nDB_PASSWORD=%s\nCLIENT_KEY_SECRET=%s\n' "$(secret)" "$(secret)" "$(secret)" "$(secret)" > .env
    chmod 600 .env
fi
echo "docker/.env and docker/sftp/ are ready: docker compose -f docker/compose.yaml up --build"
