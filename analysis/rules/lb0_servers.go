package rules

import (
	"strconv"
	"strings"

	"github.com/dpls-dev/dpls/analysis/model"
	"github.com/dpls-dev/dpls/analysis/schema"
	"github.com/dpls-dev/dpls/analysis/typed"
)

// lbDefaultPort is the port nginx uses for a server written without one.
const lbDefaultPort = 80

// lbServer is one entry of load_balancer.servers, in either of its forms:
// an object, or the "host[:port]" shorthand (weight 1, never a backup).
type lbServer struct {
	// index is the entry's position in the servers array.
	index int
	node  model.Value
	// obj is the entry's object, nil for the shorthand.
	obj    *model.Object
	host   string
	port   int64 // 0 when not written
	weight int64
	backup *model.Member // the `backup: true` member, if any
}

// address is the entry as written: "host" or "host:port".
func (s lbServer) address() string {
	if s.port == 0 {
		return s.host
	}
	return s.host + ":" + strconv.FormatInt(s.port, 10)
}

// key identifies the upstream the entry points at: host names compare
// without case and an absent port is nginx's default.
func (s lbServer) key() string {
	port := s.port
	if port == 0 {
		port = lbDefaultPort
	}
	return strings.ToLower(s.host) + ":" + strconv.FormatInt(port, 10)
}

// lbServers reads the servers list of a load_balancer view. Entries that
// do not name a host (syntax or type errors, reported elsewhere) are
// skipped.
func lbServers(v typed.View) []lbServer {
	elems, _, _ := v.List("servers")
	var out []lbServer
	for i, e := range elems {
		switch n := e.(type) {
		case *model.String:
			norm, problems := schema.HostPort{}.Check(schema.Str(n.Value))
			if lbHasError(problems) || norm.Text == "" {
				continue
			}
			out = append(out, lbServer{index: i, node: n, host: norm.Text, port: norm.Int, weight: 1})
		case *model.Object:
			sv := typed.View{Kind: v.Kind, Path: []string{"servers"}, Obj: n}
			host, _, ok := sv.String("host")
			if !ok || host == "" {
				continue
			}
			s := lbServer{index: i, node: n, obj: n, host: host, weight: 1}
			if port, _, ok := sv.Count("port"); ok {
				s.port = port
			}
			if w, _, ok := sv.Count("weight"); ok {
				s.weight = w
			}
			if b, _, ok := sv.Bool("backup"); ok && b {
				s.backup = n.Get("backup")
			}
			out = append(out, s)
		}
	}
	return out
}

// lbHasError reports whether a schema check found an error.
func lbHasError(ps []schema.Problem) bool {
	for _, p := range ps {
		if p.Severity == schema.SeverityError {
			return true
		}
	}
	return false
}
