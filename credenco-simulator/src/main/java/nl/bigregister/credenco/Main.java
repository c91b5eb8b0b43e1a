package nl.bigregister.credenco;

import nl.bigregister.credenco.simulator.CredencoSimulator;
import nl.bigregister.credenco.simulator.SimulatorSettings;
import nl.bigregister.credenco.wallet.WalletCommand;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar credenco-simulator.jar} runs the simulator;
 * {@code java -jar credenco-simulator.jar wallet <qr.png | offer-uri>} runs the test wallet.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("wallet")) {
            System.exit(WalletCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SimulatorSettings settings = SimulatorSettings.fromEnvironment(System.getenv());
        CredencoSimulator simulator = CredencoSimulator.start(settings);
        System.out.println("Credenco simulator ready at " + simulator.baseUrl() + " (API key: the SIMULATOR_API_KEY"
                + (settings.apiKey().equals(SimulatorSettings.DEMO_API_KEY) ? ", demo default " + SimulatorSettings.DEMO_API_KEY : "")
                + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
