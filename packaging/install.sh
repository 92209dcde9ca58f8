#!/bin/sh
# Installs mymss from this folder as the .deb does, for servers without dpkg (RHEL, SLES...):
#   PREFIX/bin/mymss (PREFIX=/usr/local), /etc/mymss/appsettings.json (an existing one is kept),
#   /var/lib/mymss 2770 root:mymss, the group mymss, the man pages and the bash/zsh/fish completions.
# Run as root: sudo ./install.sh
set -eu
prefix=${PREFIX:-/usr/local}
here=$(cd "$(dirname "$0")" && pwd)
@SERVER_SETUP@
install -D -m 0755 "$here/mymss" "$prefix/bin/mymss"
if [ ! -e /etc/mymss/appsettings.json ]; then
    install -D -m 0644 "$here/appsettings.json" /etc/mymss/appsettings.json
fi
mymss_server_setup
install -D -m 0644 "$here/man/man1/mymss.1" "$prefix/share/man/man1/mymss.1"
install -D -m 0644 "$here/man/pt/man1/mymss.1" "$prefix/share/man/pt/man1/mymss.1"
install -D -m 0644 "$here/completions/mymss.bash" "$prefix/share/bash-completion/completions/mymss"
install -D -m 0644 "$here/completions/_mymss" "$prefix/share/zsh/site-functions/_mymss"
install -D -m 0644 "$here/completions/mymss.fish" "$prefix/share/fish/vendor_completions.d/mymss.fish"
echo "mymss $("$prefix/bin/mymss" --version | head -n 1) installed in $prefix/bin; the database is /var/lib/mymss/mymss.db."
echo "Add each technician to the group: usermod -aG mymss NAME (effective at their next login)."
