package io.homeport.deployer.app;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.AppView;
import io.homeport.api.apps.DeploymentView;
import io.homeport.api.apps.RevisionView;
import io.homeport.deployer.config.DeployerConfig;
import io.homeport.deployer.failover.AppMoves;
import io.homeport.deployer.host.PlacementHost;
import io.homeport.deployer.placement.Candidate;
import io.homeport.deployer.placement.Placement;
import io.homeport.deployer.placement.PlacementDecision;
import io.homeport.deployer.report.ContainerState;
import io.homeport.deployer.rollout.Deployment;
import io.homeport.deployer.secret.Secrets;
import io.homeport.deployer.volume.Volumes;
import io.homeport.events.EventTypes;
import io.homeport.events.deployment.DeploymentStarted;
import io.homeport.platform.outbox.Outbox;
import io.homeport.platform.problem.Problem;
import io.homeport.platform.problem.Problem.FieldError;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deploys apps: checks the spec, places its replicas, stores the new revision and its deployment, and publishes the
 * desired state of every host concerned, all in one transaction (the events leave through the outbox). A rollout
 * then runs its course in {@link io.homeport.deployer.rollout.Rollouts}. A deploy is {@link #queue} then
 * {@link #start} at once; a stack's apps that wait for others are started later by
 * {@link io.homeport.deployer.rollout.DeploymentQueue}.
 */
@ApplicationScoped
public class Apps {

    private final AppSpecJson specs;
    private final DesiredStatePublisher desired;
    private final Outbox outbox;
    private final DeployerConfig config;
    private final Secrets secrets;
    private final Volumes volumes;
    private final AppMoves moves;

    Apps(AppSpecJson specs, DesiredStatePublisher desired, Outbox outbox, DeployerConfig config, Secrets secrets,
            Volumes volumes, AppMoves moves) {
        this.moves = moves;
        this.specs = specs;
        this.desired = desired;
        this.outbox = outbox;
        this.config = config;
        this.secrets = secrets;
        this.volumes = volumes;
    }

    @Transactional
    public DeploymentView create(AppSpec spec) {
        if (App.findById(spec.name()) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "an app named " + spec.name() + " exists: PUT "
                    + "/api/v1/apps/" + spec.name() + " deploys a new revision of it");
        }
        checkDeployable(spec);
        return deploy(lockedOrNew(spec.name()), spec);
    }

    @Transactional
    public DeploymentView update(String name, AppSpec spec) {
        if (!name.equals(spec.name())) {
            throw new ProblemException(Problem.invalidField("name", "must be " + name + ", the app in the path"));
        }
        App app = existing(name);
        checkDeployable(spec);
        return deploy(app, spec);
    }

    /** Deploys revision {@code to}'s spec again, as a new revision (history stays a straight line). */
    @Transactional
    public DeploymentView rollback(String name, long to) {
        App app = existing(name);
        AppRevision revision = AppRevision.findById(new AppRevision.Key(name, to));
        if (revision == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "app " + name + " has no revision " + to);
        }
        return deploy(app, specs.read(revision.spec));
    }

    public List<AppView> list() {
        return App.<App>listAll(Sort.by("name")).stream().map(this::view).toList();
    }

    public AppView get(String name) {
        return view(App.<App>findByIdOptional(name).orElseThrow(() -> notFound(name)));
    }

    public List<RevisionView> revisions(String name) {
        existingForRead(name);
        return AppRevision.<AppRevision>list("app", Sort.descending("revision"), name).stream()
                .map(r -> new RevisionView(r.revision, specs.read(r.spec), r.createdAt)).toList();
    }

    public DeploymentView deployment(UUID id) {
        return Deployment.<Deployment>findByIdOptional(id).map(Deployment::view).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "no deployment " + id));
    }

    private DeploymentView deploy(App app, AppSpec spec) {
        refuseWhileDeploying(app.name);
        // queued first: a secret that is not stored is bad input (400) whether or not a host fits; a 422 below
        // rolls the stored revision back with the rest of the transaction
        Deployment deployment = queue(app, spec);
        PlacementDecision decision = place(app.name, spec);
        if (!decision.placed()) {
            throw new ProblemException(Problem.unprocessable("no host can run every replica of " + spec.name(),
                    decision.refusals().entrySet().stream()
                            .map(e -> new FieldError("hosts." + e.getKey(), e.getValue())).toList()));
        }
        requestVolumes(deployment, spec, decision);
        if (deployment.waitsForVolumes.isEmpty()) {
            start(deployment, decision);
        }
        return deployment.view();
    }

    /** The app to deploy a new revision of, locked for this transaction; a new one (no revision yet) if none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public App lockedOrNew(String name) {
        App app = App.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (app == null) {
            app = new App();
            app.name = name;
            app.createdAt = Instant.now();
            app.persist();
        }
        return app;
    }

    /** One deployment per app at a time: 409 while one is queued or in progress. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseWhileDeploying(String app) {
        Deployment running = Deployment.find("app = ?1 and state in ?2", app,
                List.of(Deployment.State.QUEUED, Deployment.State.IN_PROGRESS)).firstResult();
        if (running != null) {
            throw new ProblemException(ProblemType.CONFLICT, "revision " + running.revision + " of " + app
                    + (running.state == Deployment.State.QUEUED ? " is queued behind " + running.waitsFor
                            + (running.waitsForVolumes.isEmpty() ? "" : " and volumes " + running.waitsForVolumes)
                            : " is still being deployed") + " (deployment " + running.id + ")");
        }
    }

    /** Where the spec's replicas would go now, given what every other app takes. Changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacementDecision place(String app, AppSpec spec) {
        return Placement.place(spec, candidates(app));
    }

    /**
     * Where the spec's replicas would go when moved off {@code from}: any other host, or only {@code to} when it is
     * not null. Changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlacementDecision placeAway(String app, AppSpec spec, UUID from, UUID to) {
        return Placement.place(spec, candidates(app).stream().filter(host -> !host.hostId().equals(from))
                .filter(host -> to == null || host.hostId().equals(to)).toList());
    }

    /**
     * Stores the spec as the app's next revision with a deployment {@code QUEUED}: nothing reaches a host, and the
     * app's target revision and replicas stay as they are, until {@link #start}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deployment queue(App app, AppSpec spec) {
        Map<String, Long> secretVersions = secrets.bind(spec);
        long revision = AppRevision.<AppRevision>find("app", Sort.descending("revision"), app.name)
                .firstResultOptional().map(r -> r.revision + 1).orElse(1L);
        AppRevision stored = new AppRevision();
        stored.app = app.name;
        stored.revision = revision;
        stored.spec = specs.write(spec);
        stored.secretVersions = secretVersions;
        stored.createdAt = Instant.now();
        stored.persist();

        Deployment deployment = new Deployment();
        deployment.id = UUID.randomUUID();
        deployment.app = app.name;
        deployment.revision = revision;
        deployment.state = Deployment.State.QUEUED;
        deployment.createdAt = stored.createdAt;
        deployment.persist();
        return deployment;
    }

    /**
     * Requests the spec's volumes from the storage-manager for the host {@code decision} puts the app on; those whose
     * lease that host does not hold yet are what the deployment waits for ({@code waitsForVolumes}). The hosts the app
     * leaves get a desired state without it at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestVolumes(Deployment deployment, AppSpec spec, PlacementDecision decision) {
        if (spec.volumes().isEmpty()) {
            deployment.waitsForVolumes = List.of();
            return;
        }
        deployment.waitsForVolumes = volumes.request(deployment.app, spec, decision.volumeHost());
        // a host the app moves away from stops it now, so that it syncs its volumes before they move
        desired.publish(Replica.<Replica>list("app", deployment.app).stream().map(replica -> replica.hostId)
                .filter(host -> !host.equals(decision.volumeHost())).distinct().toList());
    }

    /**
     * Starts a queued deployment where {@code decision} placed it: its replicas move there, its revision becomes the
     * app's target, every host concerned gets its desired state, and the deadline counts from now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Deployment deployment, PlacementDecision decision) {
        App app = App.findById(deployment.app);
        Set<UUID> hosts = new LinkedHashSet<>();
        List<Replica> previous = Replica.list("app", app.name);
        previous.forEach(replica -> {
            hosts.add(replica.hostId);
            replica.delete();
        });
        Replica.flush();
        for (int n = 0; n < decision.hosts().size(); n++) {
            Replica replica = new Replica();
            replica.app = app.name;
            replica.replica = n;
            replica.hostId = decision.hosts().get(n);
            replica.persist();
            hosts.add(replica.hostId);
        }
        Long previousRevision = app.targetRevision == 0 ? null : app.targetRevision;
        app.targetRevision = deployment.revision;

        deployment.previousRevision = previousRevision;
        deployment.state = Deployment.State.IN_PROGRESS;
        deployment.startedAt = Instant.now();
        deployment.deadline = deployment.startedAt.plus(config.rolloutTimeout());

        desired.publish(hosts);
        moves.arrived(deployment);
        outbox.emit(EventTypes.DEPLOYMENT_STARTED, app.name, new DeploymentStarted(deployment.id, app.name,
                deployment.revision, previousRevision, List.copyOf(hosts), deployment.startedAt));
    }

    /**
     * What placement sees: every host, with what the other apps placed there take (each app's spec read once) and
     * how many of this app's volume leases it holds.
     */
    private List<Candidate> candidates(String placing) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, AppSpec> targets = new HashMap<>();
        Map<UUID, Integer> leases = volumes.leasesByHolder(placing);
        for (PlacementHost host : PlacementHost.<PlacementHost>listAll()) {
            double cpus = 0;
            long memory = 0;
            Set<String> ports = new HashSet<>();
            for (Replica other : Replica.<Replica>list("hostId = ?1 and app <> ?2", host.hostId, placing)) {
                AppSpec spec = targets.computeIfAbsent(other.app, name ->
                        specs.revision(name, App.<App>findById(name).targetRevision));
                cpus += spec.resources().cpus() == null ? 0 : spec.resources().cpus();
                memory += spec.resources().memoryMb() == null ? 0 : spec.resources().memoryMb();
                ports.addAll(Placement.hostPorts(spec));
            }
            candidates.add(new Candidate(host.hostId, host.name, host.labels, host.online, host.cpus, host.memoryMb,
                    cpus, memory, ports, host.sealingKey != null, leases.getOrDefault(host.hostId, 0),
                    host.unavailable()));
        }
        return candidates;
    }

    /** What the spec must satisfy beyond its field constraints: 400 naming every field that does not. */
    private static void checkDeployable(AppSpec spec) {
        List<FieldError> errors = new ArrayList<>(AppSpecRules.check(spec));
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors.size() + " field(s) of the spec are invalid: "
                    + String.join(", ", errors.stream().map(FieldError::field).toList()), errors));
        }
    }

    private AppView view(App app) {
        AppSpec spec = app.targetRevision == 0 ? null : specs.revision(app.name, app.targetRevision);
        List<AppView.Replica> replicas = Replica.<Replica>list("app", Sort.by("replica"), app.name).stream()
                .map(replica -> {
                    ContainerState state = ContainerState.findById(
                            new ContainerState.Key(replica.hostId, replica.container()));
                    return new AppView.Replica(replica.replica, replica.hostId, replica.container(),
                            state == null ? "unknown" : state.state, state == null ? null : state.health,
                            state == null ? null : state.revision);
                }).toList();
        DeploymentView latest = Deployment.<Deployment>find("app", Sort.descending("createdAt"), app.name)
                .firstResultOptional().map(Deployment::view).orElse(null);
        return new AppView(app.name, app.targetRevision, app.goodRevision, spec, replicas, latest,
                moves.last(app.name));
    }

    private static App existing(String name) {
        App app = App.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (app == null) {
            throw notFound(name);
        }
        return app;
    }

    private static void existingForRead(String name) {
        if (App.findById(name) == null) {
            throw notFound(name);
        }
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "no app named " + name);
    }
}
