// Package spring generates Spring Boot 3 code for a service's
// `generate_java` block (spring_boot or spring_cloud) from its
// `fault_tolerance` and `load_balancer` blocks, with Resilience4j:
//
//   - application.yml: resilience4j.{circuitbreaker,retry,bulkhead,
//     timelimiter,ratelimiter}.instances.<Name>, where a count
//     failure_threshold N is the exact count-based equivalent
//     (COUNT_BASED, slidingWindowSize N, minimumNumberOfCalls N,
//     failureRateThreshold 100: N consecutive failures); Spring Cloud
//     LoadBalancer settings and simple-discovery instances when a
//     load_balancer is declared;
//   - <Name>Client.java: a @Service calling its upstream with RestClient
//     through @Retry, @CircuitBreaker, @RateLimiter, @Bulkhead (and
//     @TimeLimiter on the CompletableFuture variant, the only kind it
//     bounds; the blocking call gets the timeout as its read timeout), with
//     fallback methods of the signature Resilience4j requires (the same
//     parameters plus a Throwable, the same return type);
//   - <Name>Fallback.java, plain Java with no Spring, and a JUnit 5 test of
//     it, as generate_tests asks;
//   - <Name>LoadBalancerConfig.java for the declared strategy.
//
// Target hystrix writes the legacy Spring Cloud Netflix form instead
// (Hystrix has been in maintenance mode since 2018): hystrix.command.<Name>
// properties with failure_threshold as errorThresholdPercentage, never as
// requestVolumeThreshold, and @HystrixCommand.
//
// DPL strings become Java literals through javaString, which never emits
// \u escapes (javac decodes those before lexing); names become Java
// identifiers; notes become comments with backslashes doubled. The tests
// parse the output with the JDK's parser, compile it with javac against
// the stubs in testdata/stubs, and run the JUnit tests with Debian's junit5.
package spring
