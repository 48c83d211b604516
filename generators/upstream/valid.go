package upstream

import (
	"net/netip"
	"regexp"
	"strings"
)

// ValidHost accepts a DNS host name (letters, digits, '-' and '.', labels
// of at most 63 characters), an IPv4 address or a bracketed IPv6 address:
// the only forms a server address may take in nginx, HAProxy and Envoy.
// Everything else — spaces, ';', '{', quotes, newlines — is refused, so no
// DPL string reaches a proxy configuration as an address.
func ValidHost(h string) bool {
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		a, err := netip.ParseAddr(h[1 : len(h)-1])
		return err == nil && a.Is6() && a.Zone() == ""
	}
	if len(h) == 0 || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

// ValidCookie accepts an RFC 6265 cookie name (a token) made of letters,
// digits, '_' and '-' only: narrower than the RFC so that the name is also a
// valid nginx variable suffix once '-' is excluded (see nginx) and never
// needs quoting in HAProxy or Envoy.
func ValidCookie(c string) bool {
	if c == "" || len(c) > 64 {
		return false
	}
	for _, r := range c {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// Host returns the host as a proxy's resolver wants it: IPv6 without its
// brackets (Envoy's socket_address), everything else unchanged.
func Host(h string) string {
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
}

// plainPath is an absolute URL path of unreserved characters, '/', '%'
// escapes and a simple query.
var plainPath = regexp.MustCompile(`^/[A-Za-z0-9._~/%=&?+-]*$`)

// ValidPath accepts a health-check path every proxy can take as one word
// and Envoy as a header value: no spaces, quotes, ';' or control
// characters.
func ValidPath(p string) bool { return len(p) <= 1024 && plainPath.MatchString(p) }
