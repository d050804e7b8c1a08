package org.cxalign.web.page;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Registers {@link ReturnToQueryHandler} as an initial handler of this WAR (ahead of the security
 * handlers, which no servlet filter can be). Found by Undertow through {@code
 * META-INF/services/io.undertow.servlet.ServletExtension}.
 */
public class ReturnToQueryExtension implements ServletExtension {

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    deploymentInfo.addInitialHandlerChainWrapper(ReturnToQueryHandler::new);
  }
}
