package rules

import (
	"strconv"

	"github.com/dpls-dev/dpls/analysis/rule"
)

// lbNoBackup are the strategies nginx refuses backup servers with: they
// pick the server from the request (or at random), so there is no "all
// primaries down" moment at which a backup would take over.
var lbNoBackup = map[string]bool{"ip_hash": true, "consistent_hash": true, "random": true}

func init() {
	rule.Register(&rule.Rule{
		Code:     "LB003",
		Severity: rule.Error,
		Title:    "Backup server with a hash or random strategy",
		Doc: `Reports a server marked ` + "`backup: true`" + ` in a ` + "`load_balancer`" + ` whose ` + "`strategy`" + ` is
` + "`ip_hash`" + `, ` + "`consistent_hash`" + ` or ` + "`random`" + `.

nginx refuses the configuration: the ` + "`backup`" + ` parameter "cannot be used along with the hash,
ip_hash, and random load balancing methods", so the generated upstream would not load.

Fix: remove ` + "`backup`" + ` from the server, or balance with ` + "`round_robin`" + ` or ` + "`least_conn`" + `,
which do support backups (both are offered as quick fixes).

Sources: nginx ngx_http_upstream_module, ` + "`server … backup`" + `
(https://nginx.org/en/docs/http/ngx_http_upstream_module.html).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraLB)
			if !ok {
				return
			}
			strategy, strategySpan := infraEnum(p, v, "round_robin", "strategy")
			if !lbNoBackup[strategy] {
				return
			}
			for _, s := range lbServers(v) {
				if s.backup == nil {
					continue
				}
				p.Report(s.backup.Value.ValueSpan(), "nginx does not allow backup servers with hash, ip_hash or random balancing",
					rule.Replace("Remove backup from "+s.address(), infraMemberRemoval(s.obj, s.backup), ""),
					rule.Replace("Use round_robin balancing", strategySpan, strconv.Quote("round_robin")),
					rule.Replace("Use least_conn balancing", strategySpan, strconv.Quote("least_conn")))
			}
		},
	})
}
