#!/usr/bin/env bash
# Starts the assembled kiosk once, during the build, and puts into the distribution what that first start computes
# that is the same on every kiosk:
#  - the framework's bundle cache with every boot feature resolved, installed and marked done, so that a kiosk's first
#    start loads its bundles as a restart does instead of resolving and copying 176 bundles (about 2 s of the first
#    start on 2 cores);
#  - the class archive bin/kiosk-jvm records, so that the first start maps the kiosk's classes too;
#  - an empty database with every shipped plugin's tables, as data/derby-empty/kioskdb: bin/kiosk-jvm puts a copy in
#    place when the kiosk has no database yet, instead of Derby creating one and every bundle migrating it step by
#    step (about 0.7 s of the first start on 2 cores). This start runs without demo data, so the copy holds no rows;
#    a kiosk fills its demo community at its own first start, if its settings ask for one. It is kept apart from
#    data/derby so that unpacking a distribution over an installed kiosk can never overwrite a kiosk's database.
# Kept out: the logs and the configurations (Felix ConfigAdmin's copies of etc/*.cfg name this build folder; the
# kiosk's first start reads them from its own etc/ as before).
# It also sets one of the features service's settings in the assembly (updateSnapshots, below).
# Kept out as well: the device connector's key store that bin/kiosk-jvm made for this start (etc/tls/): every kiosk
# makes its own on its first start, and a key shipped in the distribution would be every kiosk's.
# Usage: provision.sh ASSEMBLY WORK HTTP_PORT SSH_PORT RMI_REGISTRY_PORT RMI_SERVER_PORT DEVICES_PORT
set -euo pipefail
assembly=$(cd "$1" && pwd -P)
work=$2
http=$3 ssh=$4 rmi_registry=$5 rmi_server=$6 devices=$7

# Karaf's assembly writes the features service's settings with its defaults. One of them does not suit a kiosk:
# updateSnapshots=crc re-reads every SNAPSHOT and wrap: bundle at each plugin install or uninstall and updates the ones
# whose content changed. A wrap: bundle is generated anew with a new time in its manifest, so after a restart (or in a
# distribution whose cache was made by the build) removing one plugin updated Derby's two wrapped fragments and
# refreshed Derby, the DataSource and with them every plugin and open screen. Plugins change by version here.
features_cfg=$assembly/etc/org.apache.karaf.features.cfg
sed -i '/^[[:space:]]*updateSnapshots[[:space:]]*=/d' "$features_cfg"
echo "updateSnapshots = none" >> "$features_cfg"

rm -rf "$work"
mkdir -p "$work"
cp -a "$assembly" "$work/kiosk"
home=$(cd "$work/kiosk" && pwd -P)

# the build's kiosk must not meet a running kiosk or a test's: its own free ports (reserved by the build)
made_for_ports=()
set_key() {
  local file=$home/etc/$1
  [ -e "$file" ] || made_for_ports+=("$1")
  touch "$file"
  sed -i "/^[[:space:]]*$2[[:space:]]*=/d" "$file"
  echo "$2 = $3" >> "$file"
}
set_key org.ops4j.pax.web.cfg org.osgi.service.http.port "$http"
set_key org.ops4j.pax.web.cfg kiosk.devices.port "$devices"
set_key org.apache.karaf.shell.cfg sshPort "$ssh"
set_key org.apache.karaf.management.cfg rmiRegistryPort "$rmi_registry"
set_key org.apache.karaf.management.cfg rmiServerPort "$rmi_server"
set_key org.communitykiosk.kiosk.cfg demoData false

# bin/karaf runs the JVM as its child: the script's process lives as long as the kiosk. A stop in the moment before
# bin/karaf has started the JVM finds nothing to signal, so it asks until the JVM has been asked once.
stop() {
  while kill -0 "$karaf" 2> /dev/null && ! pkill -f "karaf.home=$home"; do
    sleep 0.2
  done
  wait "$karaf" || true
}

"$home/bin/karaf" server > "$work/console.log" 2>&1 &
karaf=$!
trap stop EXIT
log=$home/data/log/karaf.log
for _ in $(seq 1 1800); do
  if grep -qs '"bootDone":true' "$home"/data/cache/bundle*/data/state.json \
      && grep -qs 'kiosk UI ready' "$log"; then
    break
  fi
  if ! kill -0 "$karaf" 2> /dev/null; then
    echo "provision: the kiosk stopped during its first start" >&2
    cat "$work/console.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! grep -qs '"bootDone":true' "$home"/data/cache/bundle*/data/state.json; then
  echo "provision: the boot features were not installed within 180 s" >&2
  exit 1
fi
# one home screen served, so that the archive holds the classes of serving it (the UI and the first route as well);
# bash's own TCP, as a fresh machine need not have curl
get() {
  exec 3<> "/dev/tcp/127.0.0.1/$http"
  printf 'GET /kiosk/%s HTTP/1.0\r\nHost: localhost\r\nCookie: %s\r\n\r\n' "$1" "$2" >&3
  cat <&3
  exec 3<&-
}
home_page=$(get "" "")
if ! [[ $home_page == "HTTP/1.1 200"* ]]; then
  echo "provision: the home screen did not answer after \"kiosk UI ready\": ${home_page%%$'\r'*}" >&2
  exit 1
fi
session=$(sed -n 's/^Set-Cookie: \(JSESSIONID=[^;]*\).*/\1/p' <<< "$home_page" | head -1)
get "?v-r=init&location=&query=" "$session" > /dev/null
# every bundle migrates its tables as it activates, some after the home screen is up: wait until no schema step has
# been logged for 2 s, so that the shipped database is complete (RestartAndRestoreIT checks that a first start applies
# no step)
steps=-1
quiet=0
while [ "$quiet" -lt 10 ]; do
  now=$(grep -c 'migrated to version' "$log" || true)
  if [ "$now" = "$steps" ]; then quiet=$((quiet + 1)); else quiet=0; steps=$now; fi
  sleep 0.2
done
if grep -q ' ERROR ' "$log"; then
  echo "provision: the kiosk logged errors during its first start:" >&2
  grep ' ERROR ' "$log" >&2
  exit 1
fi
# a clean stop: the JVM writes the class archive as it exits
stop
trap - EXIT

archive=$(ls "$home"/data/cds/*.jsa 2> /dev/null | head -1)
if [ -z "$archive" ]; then
  echo "provision: no class archive was written" >&2
  exit 1
fi
rm -rf "$assembly/data/cache" "$assembly/data/cds"
cp -a "$home/data/cache" "$assembly/data/cache"
rm -rf "$assembly"/data/cache/bundle*/data/config
mkdir -p "$assembly/data/cds"
cp -a "$archive" "$assembly/data/cds/"
rm -rf "$assembly/data/derby-empty"
mkdir -p "$assembly/data/derby-empty"
cp -a "$home/data/derby/kioskdb" "$assembly/data/derby-empty/kioskdb"
# Derby's lock files, in case it had not removed them: they belong to the build's JVM
rm -f "$assembly"/data/derby-empty/kioskdb/*.lck
# files the boot features' configfiles wrote into etc/ (a kiosk's first start would have written them); not the ones
# made above for the build's ports, which would give every kiosk those ports, nor the keys this start made (the ssh
# host key, etc/keys/: the key staff sign-in hashes failed user names with), and etc/tls/, the device connector's certificate), which must be each kiosk's own
for file in "$home"/etc/*; do
  name=$(basename "$file")
  if [ ! -e "$assembly/etc/$name" ] && [ "$name" != host.key ] && [ "$name" != keys ] && [ "$name" != tls ] \
      && [[ " ${made_for_ports[*]} " != *" $name "* ]]; then
    cp -a "$file" "$assembly/etc/$name"
  fi
done
if [ -e "$assembly/etc/tls" ]; then
  echo "provision: the assembly holds a key store (etc/tls): a distribution must not ship one" >&2
  exit 1
fi
echo "provision: bundle cache ($(du -sh "$assembly/data/cache" | cut -f1)), class archive ($(du -sh "$archive" | cut -f1))" \
  "and empty database ($steps schema steps, $(du -sh "$assembly/data/derby-empty" | cut -f1)) added"
rm -rf "$work"
