-- wrk script: PUT ship/skip votes from the pre-minted voters in bench/.votes-cookies (one per line)
-- on random tools from bench/.votes-tools. Each wrk connection keeps one voter, like a browser.
local cookies, tools = {}, {}
for line in io.lines(os.getenv("VOTES_COOKIES")) do cookies[#cookies + 1] = line end
for line in io.lines(os.getenv("VOTES_TOOLS")) do tools[#tools + 1] = line end
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  math.randomseed(id * 7919 + 1)
  conn = 0
end

request = function()
  conn = conn + 1
  local cookie = cookies[(id * 1000 + conn) % #cookies + 1]
  local tool = tools[math.random(#tools)]
  local vote = (math.random(2) == 1) and "ship" or "skip"
  return wrk.format("PUT", "/api/v1/tools/" .. tool .. "/vote",
    { ["Content-Type"] = "application/json", ["Cookie"] = "verdict_voter=" .. cookie },
    '{"vote":"' .. vote .. '"}')
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
