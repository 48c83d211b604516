// Package compose generates a Docker Compose project from a service's
// `deploy_docker_compose` block: one Compose service per entry of
// `services` (the one matching the block's name is the application; the
// others are its dependencies, which it depends_on), the declared networks
// and named volumes, and the application's environment — the block's
// `environment` plus the settings of the service's pattern blocks, as the
// kubernetes target puts them in its ConfigMap.
//
// The file has no obsolete top-level `version:`. Compose interpolates
// `$VAR` in every value, so each `$` coming from DPL is written `$$`; the
// tests load the output with compose-go, the library `docker compose`
// itself uses.
package compose
