-- wrk script: book-distinct.lua at a set pace. Each connection waits the pause (5th argument, in ms)
-- between an answer and its next request, so the rate is about connections / (pause + latency):
-- the service is not saturated, and latency is measured at that rate. wrk cannot hold an exact
-- open-loop rate as wrk2 does (not packaged for Debian), so a request that waits behind a stall
-- also delays the next one: percentiles under a stall read somewhat better than an open loop would.
dofile("bench/book-distinct.lua")

function delay()
  return pause_ms
end
