// Package consul generates a Consul service registration from a
// `service_discovery` block whose registry is consul (the schema's
// default): the JSON body of PUT /v1/agent/service/register, in the field
// names of github.com/hashicorp/consul/api's AgentServiceRegistration.
//
// Each check kind the block declares (http, tcp, grpc, script) becomes one
// check with the block's interval, timeout and
// deregister_critical_service_after in Go duration syntax, which is what
// Consul parses. A script is data: it becomes ScriptArgs ["sh", "-c",
// script] and is never run by dpls; Consul runs it only when the agent
// enables script checks, which the check's Notes say.
//
// JSON has no comments, so the dpls header (generator, source block, hash)
// and the notes about settings Consul cannot express travel in the
// registration's Meta under "dpls-" keys, which Consul shows with the
// service. The tests decode the file strictly into the api types and apply
// the rules Consul's agent enforces on registrations.
package consul
