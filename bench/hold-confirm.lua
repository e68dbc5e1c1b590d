-- wrk script: the checkout path. Each connection holds one best-available seat, then confirms that
-- hold into a booking, and so on. Arguments (after --): event_id.
dofile("bench/report.lua")

local pending = {}

function init(args)
  event_id = args[1]
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local hold_id = table.remove(pending)
  if hold_id then
    return wrk.format("POST", "/bookings", nil, '{"hold_id":"' .. hold_id .. '"}')
  end
  return wrk.format("POST", "/holds", nil, '{"event_id":"' .. event_id .. '","quantity":1}')
end

function response(status, headers, body)
  if status == 201 then
    local hold_id = body:match('"hold_id":"([^"]+)","event_id"')
    if hold_id and not body:find('"booking_id":"[^"]+","status":"confirmed"') then
      table.insert(pending, hold_id)
    end
  end
end
