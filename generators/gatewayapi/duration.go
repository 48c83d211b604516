package gatewayapi

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	g "github.com/dpls-dev/dpls/generators"
)

// maxPart is the largest number one part of a GEP-2257 duration may hold.
const maxPart = 99999

// gepDuration writes d as a Gateway API duration (GEP-2257: up to four
// parts of h, m, s and ms, each at most five digits). Sub-millisecond
// precision is rounded up, since a deadline must not get shorter; rounded
// reports it.
func gepDuration(d time.Duration) (s string, rounded bool, err error) {
	up := g.RoundUp(d, time.Millisecond)
	rounded = up != d
	d = up
	if d == 0 {
		return "0s", rounded, nil
	}
	var b strings.Builder
	for _, u := range []struct {
		name string
		size time.Duration
	}{{"h", time.Hour}, {"m", time.Minute}, {"s", time.Second}, {"ms", time.Millisecond}} {
		n := d / u.size
		d -= n * u.size
		if n == 0 {
			continue
		}
		if n > maxPart {
			return "", rounded, fmt.Errorf("%d%s exceeds the %d a Gateway API duration part may hold", n, u.name, maxPart)
		}
		b.WriteString(strconv.FormatInt(int64(n), 10) + u.name)
	}
	return b.String(), rounded, nil
}
