package rules

import "github.com/dpls-dev/dpls/analysis/rule"

func init() {
	rule.Register(&rule.Rule{
		Code:     "TX004",
		Severity: rule.Info,
		Title:    "Retried compensations must be idempotent",
		Doc: `Notes a saga or TCC ` + "`distributed_transaction`" + ` (` + "`coordinator: \"saga\"`" + `, the default, or
` + "`\"tcc\"`" + `) that has a ` + "`retry`" + ` policy.

With retries, every compensation (saga) and every confirm and cancel (TCC) may run more than
once, so each must be idempotent: refunding twice is a second refund. TCC adds two hazards: a
cancel may arrive before its try ever ran (it must succeed as an empty rollback), and a try
that arrives after its cancel must be refused (anti-suspension), or it reserves resources
nobody will release.

Fix: key each action by the transaction id and record that it ran; make cancel tolerate a
missing try and reject late tries.

Sources: Azure Architecture Center, Saga pattern
(https://learn.microsoft.com/en-us/azure/architecture/patterns/saga); Alibaba Cloud, "TCC
anti-suspension and idempotence" (https://help.aliyun.com/en/document_detail/132915.html);
Seata TCC mode (https://seata.apache.org/docs/user/mode/tcc).`,
		Block: func(p *rule.BlockPass) {
			v, ok := infraView(p, infraTx)
			if !ok {
				return
			}
			if coordinator, _ := infraEnum(p, v, "saga", "coordinator"); coordinator != "saga" && coordinator != "tcc" {
				return
			}
			if v.Has("retry") {
				p.Report(v.KeySpan("retry"), "compensations (saga) and confirm/cancel (TCC) are retried, so they must be idempotent; TCC must also accept a cancel that arrives before its try")
			}
		},
	})
}
