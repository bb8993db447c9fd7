#!/bin/bash
# usage: sampler.sh BENCH_PID OUT.csv ; samples every 30 s while BENCH_PID lives
B=$1; OUT=$2
APPS="collector processor indexer detector responder api"
echo "utc,elapsed_s,load1,$(for a in $APPS; do printf '%s_rss_mb,' $a; done)det_rollup_rss_mb,det_anon_mb,det_file_mb,det_probe_age_s,det_heapUsed_mb,det_heapTotal_mb,det_external_mb,det_arrayBuffers_mb" > "$OUT"
T0=$(date +%s)
while kill -0 "$B" 2>/dev/null; do
  declare -A P=()
  for c in $(pgrep -P "$B"); do
    cmd=$(tr '\0' ' ' < /proc/$c/cmdline 2>/dev/null)
    for a in $APPS; do [[ "$cmd" == *"/apps/$a/src/main.js"* ]] && P[$a]=$c; done
  done
  row="$(date -u +%H:%M:%S),$(( $(date +%s)-T0 )),$(cut -d' ' -f1 /proc/loadavg)"
  for a in $APPS; do
    p=${P[$a]}; v=""
    [ -n "$p" ] && v=$(awk '/^VmRSS/{printf "%.0f",$2/1024}' /proc/$p/status 2>/dev/null)
    row="$row,$v"
  done
  d=${P[detector]}
  if [ -n "$d" ]; then
    row="$row,$(awk '/^Rss:/{r=$2}/^Anonymous:/{an=$2}END{printf "%.0f,%.0f,%.0f",r/1024,an/1024,(r-an)/1024}' /proc/$d/smaps_rollup 2>/dev/null)"
    pf=$(tr '\0' '\n' < /proc/$d/environ 2>/dev/null | sed -n 's/^MEMORY_PROBE_FILE=//p')
    if [ -s "$pf" ]; then
      row="$row,$(tail -1 "$pf" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s);const f=x=>(x/1048576).toFixed(1);console.log([((Date.now()-m.at)/1000).toFixed(0),f(m.heapUsed),f(m.heapTotal),f(m.external),f(m.arrayBuffers)].join(","))})')"
    else row="$row,,,,,"; fi
  fi
  echo "$row" >> "$OUT"
  unset P
  sleep 30
done
