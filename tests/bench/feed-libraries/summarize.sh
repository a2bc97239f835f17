#!/bin/sh
# Per file: ok/err/panic counts for feed-rs, rss, atom (columns 2..4 of a mutation .tsv).
for f in "$@"; do
  awk -F'\t' -v f="$f" '{for(c=2;c<=4;c++){k=$c; sub(/ .*/,"",k); if(k=="PANIC:")k="panic"; else if(k=="err:")k="err"; else k="ok"; n[c,k]++}}
  END{printf "%-34s", f; split("feed-rs rss atom",L," "); for(c=2;c<=4;c++) printf " | %s ok=%d err=%d panic=%d", L[c-1], n[c,"ok"], n[c,"err"], n[c,"panic"]; print ""}' "$f"
done
