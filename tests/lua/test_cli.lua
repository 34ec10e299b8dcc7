-- The tenor command: scripts, -e, arguments, exit status, and error
-- messages that name file and line, even for errors raised inside C.
local TENOR = os.getenv("TENOR") or "./tenor"
local tmp = os.tmpname()

local function run(cmdline)
  local p = io.popen(cmdline .. " 2>&1; echo \"exit=$?\"")
  local out = p:read("a")
  p:close()
  local code = tonumber(out:match("exit=(%d+)%s*$"))
  return out:gsub("exit=%d+%s*$", ""), code
end

local function script(text)
  local f = assert(io.open(tmp, "w"))
  f:write(text)
  f:close()
  return tmp
end

local out, code = run(TENOR .. " --version")
check(out:find("^tenor %d+%.%d+%.%d+") ~= nil, out); eq(code, 0)
eq(out:match("^tenor (%S+)"), tenor.version, "one version: the host's, in C and in Lua")
local help_text = run(TENOR .. " --help")
eq(help_text, tenor.usage, "--help prints the host's usage text")
eq((run(TENOR .. " help")), tenor.usage, "so does tenor help without a name")
out, code = run(TENOR .. " -e \"print(1 + 1)\"")
eq(out, "2\n"); eq(code, 0)
out, code = run(TENOR .. " " .. script("print(#arg, arg[1], arg[2], ...)") .. " a b")
eq(out, "2\ta\tb\ta\tb\n", "arguments in arg and ...")
out, code = run(TENOR .. " " .. script("local x = 1\nlocal y = nil + x\n"))
eq(code, 1, "script error exits 1")
check(out:find(tmp .. ":2: attempt to perform arithmetic on a nil value", 1, true), out)
check(out:find("stack traceback:", 1, true), "traceback printed")
out, code = run(TENOR .. " " .. script("\n\nlocal s = series.new{freq='M', start='2024-01', values={1}}\nreturn s:at('2024')\n"))
eq(code, 1)
check(out:find(tmp .. ":4: s:at: period '2024' is not a monthly period", 1, true), "C error gets the script's file:line: " .. out)
out, code = run(TENOR .. " " .. script("local y = series.new{freq='M', start='2024-01', values={1, 2, 3}}\nlocal f = regress.ols(y, {y:lag(1)}, {lags = 4})\n"))
check(out:find(tmp .. ":2: regress.ols: unknown option 'lags'", 1, true) == 1, "an options error names the script's line first: " .. out)
check(not out:find("args.lua:%d+: " .. tmp), "no stdlib line before it")
out, code = run(TENOR .. " " .. script("local s = series.new{freq='M', start='2024-01', values={1, 2}}\nlocal ok = data.write_csv('x.csv', {})\n"))
check(out:find(tmp .. ":2: data.write_csv: what is empty", 1, true) == 1, "a refusal raised in the stdlib is reported at the script's line: " .. out)
out, code = run(TENOR .. " " .. script("local s = series.new{freq='M', start='2024-01', values={1, 2}}\nlocal t = filter.bk(s:values())\n"))
check(out:find(tmp .. ":2: filter.bk: s must be a series (got a table)", 1, true) == 1, out)
out, code = run(TENOR .. " --bogus")
eq(code, 2); check(out:find("unknown option '--bogus'", 1, true))
out, code = run("echo 'print(6 * 7)' | " .. TENOR .. " -")
eq(out, "42\n", "script from stdin")
out, code = run(TENOR .. " -e 'x = 5' -e 'print(x)'")
eq(out, "5\n", "-e runs in order in one state")
out, code = run("cd /tmp && " .. TENOR .. " -e 'print(type(series), type(data.read_csv), type(dataset))'")
eq(out, "table\tfunction\ttable\n", "stdlib found from any directory")
out, code = run(TENOR .. " -e 'local x = 0; for i = 1, 1e9 do x = x + i end' 2>/dev/null & sleep 1; kill -INT $! 2>/dev/null; wait $!")
check(code ~= 0, "SIGINT stops a long loop")
-- the stdlib is compiled into the binary; TENOR_STDLIB=files reads stdlib/
-- instead. Both give the same functions, and errors in either name the
-- stdlib file and line.
local probe = "local i = debug.getinfo(regress.ols, 'S'); print(i.source, i.linedefined > 0, package.preload['tenor.regress'] ~= nil)"
out = run(TENOR .. " -e \"" .. probe .. "\"")
eq(out, "@stdlib/tenor/regress.lua\ttrue\ttrue\n", "embedded stdlib, with file and line")
out = run("TENOR_STDLIB=files " .. TENOR .. " -e \"" .. probe .. "\"")
check(out:find("/stdlib/tenor/regress.lua\ttrue\tfalse", 1, true), "TENOR_STDLIB=files reads the files: " .. out)
out, code = run(TENOR .. " -e 'regress.ols(1)'")
check(code == 1 and out:find("regress", 1, true), "an error raised in the embedded stdlib: " .. out)
os.remove(tmp)
