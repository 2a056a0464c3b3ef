-- POST /api/v1/checks with 500 bidders (a different slice of codes.txt each request); collects the service's
-- own time from the Server-Timing header and prints its percentiles.
local codes = {}
for line in io.lines(os.getenv("CK_CODES")) do codes[#codes + 1] = line end
local threads = {}
durations = {}
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "dev-bidding"

function setup(thread) table.insert(threads, thread) end

function request()
  counter = counter + 1
  local parts = {}
  for i = 1, 500 do
    local code = codes[((counter * 500 + i) % #codes) + 1]
    parts[i] = '{"bidderRef":"B' .. i .. '","code":"' .. code .. '"}'
  end
  return wrk.format(nil, "/api/v1/checks", nil, '{"context":"tendering","bidders":[' .. table.concat(parts, ",") .. ']}')
end

function response(status, headers, body)
  local timing = headers["Server-Timing"]
  if status == 200 and timing then
    durations[#durations + 1] = tonumber(string.match(timing, "dur=([%d%.]+)"))
  end
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for _, d in ipairs(thread:get("durations")) do all[#all + 1] = d end
  end
  table.sort(all)
  local function pct(p) return all[math.max(1, math.ceil(#all * p))] end
  io.write(string.format("server-side ms over %d checks of 500 bidders: p50 %.2f p90 %.2f p99 %.2f max %.2f\n",
    #all, pct(0.5), pct(0.9), pct(0.99), all[#all]))
end
