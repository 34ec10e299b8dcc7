#!/usr/bin/env bash
# report.html in a real browser: a run whose script draws two charts and
# one that draws none are rendered by headless Chromium at a phone's width
# and a desktop's; the screenshots must not be blank, the charts' line
# colour must show where there are charts and not where there are none,
# and the DOM must hold the charts as inline SVG. Prints "browser: N passed, N
# failed"; without Chromium it says so and counts nothing (make
# check-browser installs Debian's chromium and runs this).
set -u
cd "$(dirname "$0")/../.."
TENOR=$(realpath "${TENOR:-./tenor}")
pass=0 fail=0
ok() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "browser: FAIL $1 ($3)" >&2; fi; }
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "browser: skipped, Chromium is not installed (make check-browser installs it)" >&2
    echo "browser: 0 passed, 0 failed"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/lib/team"
cc -O2 -o "$dir/png_stats" tests/browser/png_stats.c -lz || { echo "browser: 0 passed, 1 failed"; exit 1; }
cat > "$dir/lib/team/charts.lua" <<'LUA'
return script{
  name = "team.charts", description = "two charts, a series and numbers",
  params = {{"draw", "boolean", true, "draw the charts"}},
  main = function(p, ctx)
    local v, w = {}, {}
    for i = 1, 120 do v[i] = math.sin(i / 9) * 10 + i / 10; w[i] = math.cos(i / 7) * 5 end
    local a = series.new{freq = "M", start = "2015-01", values = v, name = "level"}
    local b = series.new{freq = "M", start = "2015-01", values = w, name = "cycle"}
    local out = {level = a, last = v[#v]}
    if p.draw then
      ctx:chart{a, b, title = "level and cycle", shade = b:gt(0)}
      out.charts = {{parts = {b}, title = "cycle as bars"}}
    end
    return out
  end,
}
LUA
(cd "$dir" && TENOR_PATH="$dir/lib" "$TENOR" run team.charts --out with --quiet >/dev/null 2>&1 &&
 TENOR_PATH="$dir/lib" "$TENOR" run team.charts --draw=false --out without --quiet >/dev/null 2>&1)
ok "reports written" '[ -s "$dir/with/report.html" ] && [ -s "$dir/without/report.html" ]' "tenor run failed"
shot() {   # shot REPORT WIDTH HEIGHT PNG
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$dir/profile" --window-size="$2,$3" --screenshot="$4" "file://$1" >/dev/null 2>&1
}
for width in 412 1280; do
    shot "$dir/with/report.html" $width 2400 "$dir/with-$width.png"
    shot "$dir/without/report.html" $width 2400 "$dir/without-$width.png"
    w=$("$dir/png_stats" "$dir/with-$width.png" 1f5fa8 2>&1)
    wo=$("$dir/png_stats" "$dir/without-$width.png" 1f5fa8 2>&1)
    ink=$(sed -n 's/.*ink=\([0-9.]*\).*/\1/p' <<<"$w")
    m1=$(sed -n 's/.*match=\([0-9]*\).*/\1/p' <<<"$w")
    m0=$(sed -n 's/.*match=\([0-9]*\).*/\1/p' <<<"$wo")
    ok "$width px: a screenshot of the page's size" '[[ "$w" == "width=$width height=2400 "* ]]' "$w"
    ok "$width px: not blank" 'awk "BEGIN { exit !(${ink:-0} > 0.03) }"' "$w"
    ok "$width px: the charts' lines show" '[ "${m1:-0}" -gt 300 ]' "with charts: $w"
    ok "$width px: no chart colour without charts" '[ "${m0:-1}" -lt 30 ]' "without charts: $wo"
done
dom=$("$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$dir/profile" \
      --window-size=412,900 --dump-dom "file://$dir/with/report.html" 2>/dev/null)
ok "two inline SVG charts in the DOM" '[ "$(grep -o "<svg" <<<"$dom" | wc -l)" -eq 2 ]' "$(grep -o '<svg' <<<"$dom" | wc -l) svg"
echo "browser: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
