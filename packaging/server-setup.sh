# The server's shared database folder, as the .deb's postinst and the tarball's install.sh make it (both include this
# file): a `mymss` group, and /var/lib/mymss owned by root:mymss with mode 2770. Set-group-ID, it gives every file created
# in it the group mymss, and mymss then creates its files there 0660: every technician in the group, and root under sudo,
# works on the same database. Files an older mymss left owner-only are opened to the group.
mymss_server_setup() {
    if ! getent group mymss >/dev/null; then
        groupadd --system mymss
    fi
    install -d -o root -g mymss -m 2770 /var/lib/mymss
    find /var/lib/mymss -maxdepth 1 -type f \( -name 'mymss*' \) -exec chgrp mymss {} + -exec chmod g+rw {} +
}
