-- The end-to-end benchmark's request mix for wrk (see Wrk.java), one request at a time:
-- repeated tokens (a few callers, each reusing its token), first-seen tokens (each sent
-- once while its segment of the pool lasts) and invalid tokens.
-- Arguments: token directory, first-seen segment start and length (0-based lines),
-- percentage of repeated tokens, percentage of first-seen tokens, random seed.

local repeated, firstseen, invalid = {}, {}, {}
local repeatedLimit, firstSeenLimit = 0.9, 0.95
local nextFirstSeen = 0
-- Global: done() reads it through thread:get.
firstSeenSent = 0

local function load(path, into, from, count)
  local line = 0
  for token in io.lines(path) do
    if line >= from and line < from + count then
      into[#into + 1] = wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
    end
    line = line + 1
  end
  assert(#into > 0, "no tokens read from " .. path)
end

function init(args)
  local directory = args[1]
  repeatedLimit = tonumber(args[4]) / 100
  firstSeenLimit = repeatedLimit + tonumber(args[5]) / 100
  math.randomseed(tonumber(args[6]))
  load(directory .. "/repeated.txt", repeated, 0, math.huge)
  load(directory .. "/first-seen.txt", firstseen, tonumber(args[2]), tonumber(args[3]))
  load(directory .. "/invalid.txt", invalid, 0, math.huge)
end

function request()
  local pick = math.random()
  if pick < repeatedLimit then
    return repeated[math.random(#repeated)]
  end
  if pick < firstSeenLimit then
    firstSeenSent = firstSeenSent + 1
    nextFirstSeen = nextFirstSeen + 1
    if nextFirstSeen > #firstseen then
      nextFirstSeen = 1
    end
    return firstseen[nextFirstSeen]
  end
  return invalid[math.random(#invalid)]
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local sent = 0
  for _, thread in ipairs(threads) do
    sent = sent + (thread:get("firstSeenSent") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    "E2E-RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d non2xx=%d socket_errors=%d first_seen_sent=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, sent))
end
