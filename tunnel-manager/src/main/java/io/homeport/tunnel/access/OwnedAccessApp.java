package io.homeport.tunnel.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An Access application Homeport created for a hostname and path: the only ones it changes or deletes. */
@Entity
@Table(name = "access_app")
@IdClass(OwnedAccessApp.Key.class)
public class OwnedAccessApp extends PanacheEntityBase {

    public record Key(String hostname, String path) {
    }

    @Id
    public String hostname;

    @Id
    public String path;

    @Column(name = "app_id")
    public String appId;
}
