package org.cxalign.survey.department;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Persistence of departments; callers run inside a transaction of their own. */
@ApplicationScoped
public class DepartmentRepository {

  @PersistenceContext(unitName = "cxalign")
  private EntityManager em;

  public List<Department> findAll() {
    return em.createNamedQuery("Department.all", Department.class).getResultList();
  }

  public Optional<Department> findById(long id) {
    return Optional.ofNullable(em.find(Department.class, id));
  }

  public Optional<Department> findByName(String name) {
    return em.createNamedQuery("Department.byKey", Department.class)
        .setParameter("key", Department.keyOf(name))
        .getResultStream()
        .findFirst();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(d) FROM Department d", Long.class).getSingleResult();
  }

  /** Writes pending changes now, so that integrity violations surface in the caller. */
  public void flush() {
    em.flush();
  }

  public void remove(Department department) {
    em.remove(department);
    em.flush();
  }

  public Department add(Department department) {
    em.persist(department);
    em.flush();
    return department;
  }
}
