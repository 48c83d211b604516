package upstream

import (
	"strconv"
	"time"

	g "github.com/dpls-dev/dpls/generators"
)

// proxyUnits are the time units above ms that nginx and HAProxy both read,
// largest first. nginx also reads w, M and y, HAProxy us; d is the largest
// unit that is always exact, and ms the smallest the two share.
var proxyUnits = []struct {
	name string
	size time.Duration
}{{"d", 24 * time.Hour}, {"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}}

// Duration writes d as nginx and HAProxy read times: a whole number in the
// largest unit that divides it ("1500ms", not "1.5s"), always with a unit,
// since a bare number means seconds to nginx and milliseconds to HAProxy.
// d is rounded up to whole milliseconds (a timeout must not get shorter);
// zero and negative durations are "0ms".
func Duration(d time.Duration) string {
	d = g.RoundUp(d, time.Millisecond)
	if d <= 0 {
		return "0ms"
	}
	for _, u := range proxyUnits {
		if d%u.size == 0 {
			return strconv.FormatInt(int64(d/u.size), 10) + u.name
		}
	}
	return strconv.FormatInt(int64(d/time.Millisecond), 10) + "ms"
}
