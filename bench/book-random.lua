-- wrk script: a hot on-sale. Every request books one random seat of a small event; once the seats
-- are gone every answer is 409. Arguments (after --): event_id, total_seats.
dofile("bench/report.lua")

function init(args)
  event_id = args[1]
  total = tonumber(args[2])
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format(nil, "/bookings", nil,
    '{"event_id":"' .. event_id .. '","seats":[' .. math.random(1, total) .. ']}')
end
