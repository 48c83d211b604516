package etcd

import (
	"fmt"
	"go/format"
	"strconv"
	"strings"

	g "github.com/dpls-dev/dpls/generators"
)

// program writes the registration program. DPL strings enter it only
// through strconv.Quote (as Go string literals) or, in comments, through
// comment, so none can end a literal or a comment and become code.
func program(reg registration, notes []string) ([]byte, error) {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(g.SlashComment("dpls: " + n))
	}
	if len(notes) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, `// Command register registers one instance of the %s service in etcd and
// keeps it registered while it runs.
//
// Key:   %s<id>, bound to a lease of %d s
// Value: JSON {"name", "id", "address", "tags", "metadata"}
//
// It needs go.etcd.io/etcd/client/v3 (v3.7.3 tested). Run it next to the
// service: register -endpoints 127.0.0.1:2379 -addr 10.0.0.5:8080. On
// SIGINT or SIGTERM it revokes the lease, removing the key at once; if the
// process dies, etcd removes the key when the lease expires.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

// Registration settings from the service_discovery block.
const (
	serviceName = %s
	keyPrefix   = %s
	leaseTTL    = %d // seconds
)

var (
	tags     = %s
	metadata = %s
)

// instance is the value stored under the key.
type instance struct {
	Name     string            `+"`json:\"name\"`"+`
	ID       string            `+"`json:\"id\"`"+`
	Address  string            `+"`json:\"address\"`"+`
	Tags     []string          `+"`json:\"tags,omitempty\"`"+`
	Metadata map[string]string `+"`json:\"metadata,omitempty\"`"+`
}

func main() {
	endpoints := flag.String("endpoints", "127.0.0.1:2379", "comma-separated etcd endpoints")
	addr := flag.String("addr", "", "host:port at which clients reach this instance (required)")
	id := flag.String("id", "", "instance ID, one key segment (default: the address)")
	flag.Parse()
	if *addr == "" {
		log.Fatal("register: -addr is required")
	}
	if *id == "" {
		*id = *addr
	}
	if strings.Contains(*id, "/") {
		log.Fatal("register: -id must not contain /")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	inst := instance{Name: serviceName, ID: *id, Address: *addr, Tags: tags, Metadata: metadata}
	if err := run(ctx, strings.Split(*endpoints, ","), inst); err != nil {
		log.Fatalf("register: %%v", err)
	}
}

// run registers inst under a lease and keeps the lease alive until ctx
// ends, then revokes it.
func run(ctx context.Context, endpoints []string, inst instance) error {
	cli, err := clientv3.New(clientv3.Config{Endpoints: endpoints, DialTimeout: 5 * time.Second})
	if err != nil {
		return fmt.Errorf("connecting to %%v: %%w", endpoints, err)
	}
	defer cli.Close()
	lease, err := cli.Grant(ctx, leaseTTL)
	if err != nil {
		return fmt.Errorf("granting a %%d s lease: %%w", leaseTTL, err)
	}
	value, err := json.Marshal(inst)
	if err != nil {
		return fmt.Errorf("encoding the instance: %%w", err)
	}
	key := keyPrefix + inst.ID
	if _, err := cli.Put(ctx, key, string(value), clientv3.WithLease(lease.ID)); err != nil {
		return fmt.Errorf("putting %%s: %%w", key, err)
	}
	alive, err := cli.KeepAlive(ctx, lease.ID)
	if err != nil {
		return fmt.Errorf("keeping lease %%x alive: %%w", lease.ID, err)
	}
	log.Printf("registered %%s with lease %%x (TTL %%d s)", key, lease.ID, leaseTTL)
	for range alive {
		// The client renews the lease every third of its TTL; the channel
		// closes when ctx ends or the lease is lost.
	}
	if ctx.Err() == nil {
		return errors.New("lease lost: keep-alive stopped, the key will expire")
	}
	rctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := cli.Revoke(rctx, lease.ID); err != nil {
		return fmt.Errorf("revoking lease %%x: %%w", lease.ID, err)
	}
	log.Printf("deregistered %%s", key)
	return nil
}
`, g.LineSafe(reg.service), g.LineSafe(keyRoot+reg.service+"/"), reg.ttl,
		strconv.Quote(reg.service), strconv.Quote(keyRoot+reg.service+"/"), reg.ttl,
		stringSlice(reg.tags), stringMap(reg.metaKeys, reg.meta))
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		return nil, fmt.Errorf("formatting the registration program: %w", err)
	}
	// A blank line keeps dpls's header out of the package documentation.
	return append([]byte("\n"), src...), nil
}

// stringSlice is a []string literal.
func stringSlice(ss []string) string {
	if len(ss) == 0 {
		return "[]string(nil)"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

// stringMap is a map[string]string literal in keys order, one pair a line.
func stringMap(keys []string, m map[string]string) string {
	if len(keys) == 0 {
		return "map[string]string(nil)"
	}
	var b strings.Builder
	b.WriteString("map[string]string{\n")
	for _, k := range keys {
		b.WriteString(strconv.Quote(k) + ": " + strconv.Quote(m[k]) + ",\n")
	}
	b.WriteString("}")
	return b.String()
}
