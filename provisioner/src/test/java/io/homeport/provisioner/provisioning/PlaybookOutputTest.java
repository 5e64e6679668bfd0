package io.homeport.provisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.provisioner.provisioning.PlaybookOutput.Recap;
import io.homeport.provisioner.provisioning.PlaybookOutput.TaskResult;
import org.junit.jupiter.api.Test;

/** Lines as Ansible 2.14's ansible.posix.jsonl callback prints them (trimmed to the fields that matter). */
class PlaybookOutputTest {

    private final PlaybookOutput output = new PlaybookOutput();

    @Test
    void taskResultsBecomeStepsWithTheirStatus() {
        assertThat(output.read("""
                {"_event":"v2_playbook_on_task_start","hosts":{},"task":{"name":"homeport_docker : Ensure Docker is installed."}}""")).isEmpty();
        assertThat(output.read("""
                {"_event":"v2_runner_on_ok","hosts":{"web-1":{"changed":true,"msg":""}},"task":{"name":"homeport_docker : Ensure Docker is installed."}}"""))
                .contains(new TaskResult("homeport_docker : Ensure Docker is installed.", "changed", null, false));
        assertThat(output.read("""
                {"_event":"v2_runner_on_ok","hosts":{"web-1":{"changed":false}},"task":{"name":"Gather."}}"""))
                .contains(new TaskResult("Gather.", "ok", null, false));
        assertThat(output.read("""
                {"_event":"v2_runner_on_skipped","hosts":{"web-1":{"changed":false,"skip_reason":"Conditional result was False"}},"task":{"name":"Join."}}"""))
                .contains(new TaskResult("Join.", "skipped", null, false));
    }

    @Test
    void aFailureCarriesWhatAnsibleSaidAndACensoredOneSaysSo() {
        assertThat(output.read("""
                {"_event":"v2_runner_on_failed","hosts":{"web-1":{"changed":true,"failed":true,"msg":"non-zero return code","rc":1,"stderr":"E: Unable to locate package netdata"}},"task":{"name":"Install."}}"""))
                .contains(new TaskResult("Install.", "failed", "non-zero return code: E: Unable to locate package netdata",
                        false));
        assertThat(output.read("""
                {"_event":"v2_runner_on_failed","hosts":{"web-1":{"censored":"the output has been hidden due to the fact that 'no_log: true' was specified for this result","changed":false}},"task":{"name":"Join."}}"""))
                .hasValueSatisfying(line -> assertThat(((TaskResult) line).message()).contains("no_log"));
        assertThat(output.read("""
                {"_event":"v2_runner_on_unreachable","hosts":{"web-1":{"msg":"Failed to connect to the host via ssh: Host key verification failed.","unreachable":true}},"task":{"name":"Gathering Facts"}}"""))
                .contains(new TaskResult("Gathering Facts", "unreachable",
                        "Failed to connect to the host via ssh: Host key verification failed.", false));
    }

    @Test
    void handlerResultsAreMarkedAsSuch() {
        output.read("""
                {"_event":"v2_playbook_on_handler_task_start","hosts":{},"task":{"name":"homeport_ssh_hardening : Reload sshd."}}""");
        assertThat(output.read("""
                {"_event":"v2_runner_on_ok","hosts":{"web-1":{"changed":true}},"task":{"name":"homeport_ssh_hardening : Reload sshd."}}"""))
                .contains(new TaskResult("homeport_ssh_hardening : Reload sshd.", "changed", null, true));
        output.read("""
                {"_event":"v2_playbook_on_task_start","hosts":{},"task":{"name":"Next."}}""");
        assertThat(output.read("""
                {"_event":"v2_runner_on_ok","hosts":{"web-1":{"changed":false}},"task":{"name":"Next."}}"""))
                .contains(new TaskResult("Next.", "ok", null, false));
    }

    @Test
    void theRecapAndNothingElseOfTheRest() {
        assertThat(output.read("""
                {"_event":"v2_playbook_on_stats","stats":{"web-1":{"changed":0,"failures":0,"ignored":0,"ok":57,"rescued":0,"skipped":9,"unreachable":0}}}"""))
                .contains(new Recap(57, 0, 0, 0, 9));
        assertThat(output.read("[WARNING]: Skipping plugin (…), cannot load: …")).isEmpty();
        assertThat(output.read("""
                {"_event":"v2_runner_item_on_ok","hosts":{"web-1":{"changed":true,"item":"rclone"}},"task":{"name":"Loop."}}""")).isEmpty();
        assertThat(output.read("""
                {"_event":"v2_playbook_on_play_start","play":{"name":"all"},"tasks":[]}""")).isEmpty();
    }

    @Test
    void listedTasksAreCountedWithoutThePlayHeader() {
        String listed = """

                playbook: site.yml

                  play #1 (all): Make a Homeport host	TAGS: []
                    tasks:
                      homeport_ssh_hardening : Ensure sshd refuses passwords.	TAGS: []
                      homeport_docker : Ensure Docker is installed.	TAGS: [docker]
                      homeport_agent : Ensure the agent runs.	TAGS: []
                """;
        assertThat(PlaybookOutput.countListedTasks(listed)).isEqualTo(3);
    }
}
