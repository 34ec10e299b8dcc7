--[[ tenor run / list / help: the team's scripts as reproducible runs.

  tenor list                          the scripts on the library path
  tenor help NAME                     a script's description and parameters
  tenor run NAME [--param value ...]  run it; outputs go to a new folder
      --out DIR        the output folder (default runs/NAME-YYYYMMDD-HHMMSS)
      --grid p=a,b,c   one run per value (repeat for a product of grids)
      --allow-read P   the run may also read P, a file or folder (repeatable)
      --trust          no sandbox (scripts you wrote or have read yourself)
      --timeout S      kill a run after S seconds of wall time
      --quiet          print only progress and the summary
      --jobs N         run the grid in N worker processes (--jobs alone: one
                       per core); the same folders, byte for byte, as --jobs 1
      --shard K/N      only the K-th of N disjoint slices of the grid
  tenor run --merge DIR...            one summary of the shards' folders
  tenor run NAME1 NAME2 ...           several scripts, one after another
  tenor run --replay DIR/manifest.json [--trust] [--allow-read P]
                                      run a manifest again and compare every
                                      output file with the recorded hash

Each run folder holds report.md (the printed report), one CSV per series the
script returns (a top-level field of its result), numbers.csv (every number
in the result, flattened to dotted keys, printed with 17 significant digits)
and manifest.json: the script's name, path and SHA-256, the bound
parameters, every data file read with its SHA-256, the outputs with theirs,
tenor's version, the sandbox setting and the time. A failing run is reported
and the others go on; the exit status is 1 if any failed.

The sandbox (default under tenor run, list and help): each run happens in a
child process confined by the operating system (interp/host/sandbox.c:
Landlock, resource limits, no sockets; a Lua state with only the safe
libraries): it may read the library path, tenor's own files, the script's
folder and the --allow-read paths; write only inside its output folder
(list and help: nowhere); start only gnuplot (charts work); it sees only
the TENOR_*, LANG, LC_* and TZ variables. os.execute, io.popen, os.exit,
os.tmpname, package.loadlib, binary chunks and the debug library are
refused with a message naming what was refused. The parent kills the child
at --timeout, then checks its report and writes the manifest itself. Trust
and reads come only from the command line, never from a manifest or a
script's own data = {...} list. A kernel without Landlock is refused
(--trust runs anyway).

The parts, one concern each, under stdlib/tenor/runner/: cli (the command
lines), batch (worker processes, shards, merges), run (one run, from the
parent's side), child (what runs in the child), sandbox (the child's
readable refusals and its record of reads), output (the files a run leaves
and its manifest), library (finding and reading scripts), json (manifests,
on jansson).
]]

local cli = require "tenor.runner.cli"
local json = require "tenor.runner.json"
local library = require "tenor.runner.library"
local run = require "tenor.runner.run"

return {
  main = cli.main,
  cmd_run = cli.cmd_run, cmd_list = cli.cmd_list, cmd_help = cli.cmd_help,
  run_one = run.run_one, script_files = library.script_files,
  json_encode = json.encode, json_decode = json.decode,
}
