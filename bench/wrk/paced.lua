-- wrk script for the whole-run benchmarks (bench/cluster-load.sh): requests at a fixed rate.
--   POST mode (BODIES set): POST /api/sheets with one JSON sheet per request; thread k of THREADS
--     takes lines k, k+THREADS, … of BODIES, each once (wrapping around if the run outlasts them).
--   GET mode (PATHS set): GET the paths listed in PATHS, round-robin from a different start per thread.
-- Pacing: each thread hands out send times 1/(RATE/THREADS) s apart, whatever the answers' latency
-- (a wall clock from /proc/uptime, 10 ms resolution), so the offered rate is RATE/s as long as a
-- connection is free for each slot; when all CONNS connections wait for answers the rate drops,
-- which the achieved Requests/sec shows. wrk measures latency from each send.
-- Environment: RATE, CONNS and THREADS (as given to wrk -c and -t), TOKEN (POST), BODIES or PATHS,
-- GZIP=1 to ask for compressed answers as a browser does (GET).
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local function now()
  local f = io.open("/proc/uptime")
  local t = f:read("*n")
  f:close()
  return t
end

function init(args)
  local threads = tonumber(os.getenv("THREADS"))
  items, n = {}, 0
  local file = os.getenv("BODIES") or os.getenv("PATHS")
  local k = 0
  for line in io.lines(file) do
    if os.getenv("PATHS") or k % threads == tid then n = n + 1; items[n] = line end
    k = k + 1
  end
  post = os.getenv("BODIES") ~= nil
  pos = post and 1 or (tid * 7919) % n + 1
  step = threads / tonumber(os.getenv("RATE"))
  slot = now()
  if post then headers = {["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json"}
  elseif os.getenv("GZIP") then headers = {["Accept-Encoding"] = "gzip"} end
end

function delay()
  local t = now()
  slot = math.max(slot + step, t - 0.05)   -- a free connection may not bank more than 50 ms of missed slots
  return math.max(0, math.floor((slot - t) * 1000))
end

function request()
  local item = items[pos]
  pos = pos % n + 1
  if post then return wrk.format("POST", "/api/sheets", headers, item) end
  return wrk.format("GET", item, headers)
end
