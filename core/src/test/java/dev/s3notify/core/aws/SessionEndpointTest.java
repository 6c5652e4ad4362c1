package dev.s3notify.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3notify.core.config.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.endpoints.SecretsManagerEndpointParams;
import software.amazon.awssdk.services.secretsmanager.endpoints.SecretsManagerEndpointProvider;
import software.amazon.awssdk.services.ssm.endpoints.SsmEndpointParams;
import software.amazon.awssdk.services.ssm.endpoints.SsmEndpointProvider;

/**
 * {@link AwsSession#endpoint(String)} gives what the SDK's own endpoint rules of SSM and Secrets Manager give (their
 * modules are on the test class path only), in every region the SDK knows, with and without FIPS and dual-stack.
 */
class SessionEndpointTest {
    @Test
    void matchesTheSdksEndpointRulesInEveryRegion() throws Exception {
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (Region region : Region.regions()) {
            if (region.isGlobalRegion()) {
                continue;
            }
            for (boolean fips : new boolean[] {false, true}) {
                for (boolean dualstack : new boolean[] {false, true}) {
                    AwsSession session = session(region.id(), fips, dualstack);
                    URI ssm = SsmEndpointProvider.defaultProvider().resolveEndpoint(SsmEndpointParams.builder()
                            .region(region).useFips(fips).useDualStack(dualstack).build()).get().url();
                    URI secrets = SecretsManagerEndpointProvider.defaultProvider().resolveEndpoint(
                            SecretsManagerEndpointParams.builder().region(region).useFips(fips)
                                    .useDualStack(dualstack).build()).get().url();
                    compared += 2;
                    if (!session.endpoint("ssm").equals(ssm)) {
                        differ.add(session.endpoint("ssm") + " (SDK: " + ssm + ")");
                    }
                    if (!session.endpoint("secretsmanager").equals(secrets)) {
                        differ.add(session.endpoint("secretsmanager") + " (SDK: " + secrets + ")");
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(differ).isEmpty();
    }

    @Test
    void examples() {
        assertThat(session("eu-west-1", false, false).endpoint("ssm"))
                .hasToString("https://ssm.eu-west-1.amazonaws.com");
        assertThat(session("us-east-1", true, true).endpoint("ssm"))
                .hasToString("https://ssm-fips.us-east-1.api.aws");
        assertThat(session("us-east-1", true, true).endpoint("secretsmanager"))
                .hasToString("https://secretsmanager-fips.us-east-1.amazonaws.com");
        assertThat(session("cn-north-1", false, false).endpoint("ssm"))
                .hasToString("https://ssm.cn-north-1.amazonaws.com.cn");
    }

    private static AwsSession session(String region, boolean fips, boolean dualstack) {
        Map<String, String> env = Map.of("AWS_REGION", region, "AWS_USE_FIPS_ENDPOINT", Boolean.toString(fips),
                "AWS_USE_DUALSTACK_ENDPOINT", Boolean.toString(dualstack));
        return AwsSession.create(env, new Settings(env), AwsFixtures.KEYS);
    }
}
