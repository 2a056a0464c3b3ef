-- POST /api/v1/checks with one bidder, a different subject each request (codes from codes.txt).
local codes = {}
for line in io.lines(os.getenv("CK_CODES")) do codes[#codes + 1] = line end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "dev-bidding"

function request()
  counter = counter + 1
  local code = codes[(counter % #codes) + 1]
  return wrk.format(nil, "/api/v1/checks", nil,
    '{"context":"tendering","bidders":[{"bidderRef":"B1","code":"' .. code .. '"}]}')
end
