package io.homeport.provisioner.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One finished task of a run: the run's log, kept after the run ends. */
@Entity
@Table(name = "provisioning_step")
public class ProvisioningStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_id")
    public UUID runId;

    public int n;

    public int total;

    public String task;

    public String status;

    public String message;

    public Instant at;
}
