-- wrk script: every request books one seat no other request asks for, so each answer should be 201.
-- Arguments (after --): event_id, total wrk threads, this process's offset, number of processes, and
-- (for book-paced.lua) a pause in ms.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  event_id = args[1]
  nthreads = tonumber(args[2])
  offset = tonumber(args[3])
  processes = tonumber(args[4])
  pause_ms = tonumber(args[5] or "0")
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  -- With authentication on, BENCH_TOKENS names a file of customers' bearer tokens, one a line, taken in
  -- turn so that no customer nears the seats-per-customer quota.
  tokens = {}
  local file = os.getenv("BENCH_TOKENS")
  if file and file ~= "" then
    for line in io.lines(file) do table.insert(tokens, line) end
  end
end

function request()
  -- seats interleave across processes and threads: never the same seat twice
  local seat = 1 + offset + processes * (id + nthreads * counter)
  counter = counter + 1
  if #tokens > 0 then
    wrk.headers["Authorization"] = "Bearer " .. tokens[1 + (seat % #tokens)]
  end
  return wrk.format(nil, "/bookings", nil, '{"event_id":"' .. event_id .. '","seats":[' .. seat .. ']}')
end

dofile("bench/report.lua")
