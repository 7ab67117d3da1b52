#!/bin/sh
# Add govplanner to the desktop menu and make .govplan files open with it.
#
# Run from the unpacked bundle (dist/govplanner/install-linux.sh), wherever IT put it:
#   ./install-linux.sh              for the current user (~/.local)
#   sudo ./install-linux.sh --system  for every user (/usr/local)
#   ./install-linux.sh --uninstall  [--system]  to remove what it added
# The bundle folder itself is not copied: move it first, then run this script from its new place.
set -eu

BUNDLE=$(cd "$(dirname "$0")" && pwd)
DATA="$BUNDLE/_internal"
MODE=user
ACTION=do_install
for arg in "$@"; do
    case "$arg" in
        --system) MODE=system ;;
        --uninstall) ACTION=do_uninstall ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "install-linux.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done
if [ "$MODE" = system ]; then
    SHARE=/usr/local/share
    BIN=/usr/local/bin
else
    SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
    BIN="$HOME/.local/bin"
fi
SIZES="16 22 24 32 48 64 128 256 512"

refresh() {
    # Each tool is optional: a minimal system may lack them, and the files still work at next login.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$SHARE/mime"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$SHARE/applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
    fi
}

do_uninstall() {
    rm -f "$BIN/govplanner" "$BIN/govplanner-cli" \
        "$SHARE/applications/govplanner.desktop" \
        "$SHARE/mime/packages/govplanner-mime.xml" \
        "$SHARE/icons/hicolor/scalable/apps/govplanner.svg" \
        "$SHARE/icons/hicolor/scalable/mimetypes/application-x-govplanner-plan.svg"
    for size in $SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/govplanner.png" \
            "$SHARE/icons/hicolor/${size}x${size}/mimetypes/application-x-govplanner-plan.png"
    done
    refresh
    echo "govplanner removed from $SHARE and $BIN (the bundle in $BUNDLE is untouched)."
}

install_icons() {
    hicolor="$SHARE/icons/hicolor"
    mkdir -p "$hicolor/scalable/apps" "$hicolor/scalable/mimetypes"
    cp "$DATA/icons/govplanner.svg" "$hicolor/scalable/apps/"
    cp "$DATA/icons/govplanner.svg" \
        "$hicolor/scalable/mimetypes/application-x-govplanner-plan.svg"
    for size in $SIZES; do
        dir="$hicolor/${size}x${size}"
        mkdir -p "$dir/apps" "$dir/mimetypes"
        cp "$DATA/icons/png/govplanner-$size.png" "$dir/apps/govplanner.png"
        cp "$dir/apps/govplanner.png" "$dir/mimetypes/application-x-govplanner-plan.png"
    done
}

do_install() {
    [ -x "$BUNDLE/govplanner" ] || { echo "install-linux.sh: no govplanner in $BUNDLE" >&2; exit 1; }
    mkdir -p "$BIN" "$SHARE/applications" "$SHARE/mime/packages"
    ln -sf "$BUNDLE/govplanner" "$BIN/govplanner"
    ln -sf "$BUNDLE/govplanner-cli" "$BIN/govplanner-cli"
    # Point the menu entry at the bundle itself, so it works even when $BIN is not on PATH.
    sed -e "s|^Exec=govplanner |Exec=\"$BUNDLE/govplanner\" |" \
        -e "s|^TryExec=govplanner\$|TryExec=$BUNDLE/govplanner|" \
        "$DATA/linux/govplanner.desktop" > "$SHARE/applications/govplanner.desktop"
    cp "$DATA/linux/govplanner-mime.xml" "$SHARE/mime/packages/"
    install_icons
    refresh
    if [ "$MODE" = user ] && command -v xdg-mime >/dev/null 2>&1; then
        xdg-mime default govplanner.desktop application/x-govplanner-plan || true
    fi
    echo "govplanner installed for the $MODE: menu entry, .govplan file type and icons in $SHARE;"
    echo "commands $BIN/govplanner and $BIN/govplanner-cli."
}

"$ACTION"
